// Landing page: points agents and customers to their pages.
import './ui/theme.css';

const app = document.getElementById('app')!;
app.innerHTML = `
  <section class="card center stack">
    <h1>CoView</h1>
    <p>Live visual support: share a cropped part of your screen with a support agent.</p>
    <ul>
      <li><a href="/agent/">Agent console</a></li>
      <li><a href="/join/">Join a session with a code</a></li>
    </ul>
  </section>`;
