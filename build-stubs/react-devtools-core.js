// Ink imports React DevTools when DEV=true; the bundle replaces it so no component
// tree (which may hold secrets) is ever exposed on localhost:8097.
export default { initialize() {}, connectToDevTools() {} };
export function initialize() {}
export function connectToDevTools() {}
