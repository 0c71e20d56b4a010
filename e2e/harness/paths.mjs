// Where the built client and the fixtures are. Maven unpacks the coview-web-client jar into target/web;
// COVIEW_WEB_ROOT points elsewhere (e.g. ../web-client/target/classes/META-INF/resources while iterating).
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = process.env.COVIEW_WEB_ROOT
  ? `${process.env.COVIEW_WEB_ROOT.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../target/web/META-INF/resources/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
