// The form's controls after the first frame (which shows the title and the first field, a text field): imported
// with `import()` by main.ts, so esbuild makes them a chunk the page loads beside its entry. MeetingForm attaches the
// fields that use them once they are defined (`customElements.whenDefined`).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
