export {};
// Landing page: points agents and customers to their pages.
const app = document.getElementById('app')!;
app.innerHTML = `
  <h1>CoView</h1>
  <p>Live visual support: share a cropped part of your screen with a support agent.</p>
  <ul>
    <li><a href="/agent/">Agent console</a></li>
    <li><a href="/join/">Join a session with a code</a></li>
  </ul>`;
