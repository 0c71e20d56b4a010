// Entry point of the agent console; its features live in feature folders (see src/).
export {};
const app = document.getElementById('app')!;
const heading = document.createElement('h1');
heading.textContent = 'CoView — agent console';
app.append(heading);
