// Placeholder: the form page replaces this.
export {};
