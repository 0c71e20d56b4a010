// Entry point of the customer's join page; its features live in feature folders (see src/).
export {};
const app = document.getElementById('app')!;
const heading = document.createElement('h1');
heading.textContent = 'Join a CoView support session';
app.append(heading);
