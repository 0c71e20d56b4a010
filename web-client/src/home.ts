// Landing page: points agents and customers to their pages.
import './ui/theme.css';
import { t } from './i18n';
import { linkLanguage, startPage } from './i18n/pageLanguage';
import { h } from './ui/dom';

startPage(linkLanguage(new URL(location.href), navigator), 'title.home');
const app = document.getElementById('app')!;
app.replaceChildren(h('section', { class: 'card center stack' },
  h('h1', {}, t('common.brand')),
  h('p', {}, t('home.intro')),
  h('ul', {},
    h('li', {}, h('a', { href: '/agent/' }, t('home.agentConsole'))),
    h('li', {}, h('a', { href: '/join/' }, t('home.join'))))));
