// The shipped catalogues. English is the reference: its keys are the type every other catalogue must fill
// (tsc refuses a missing or extra key); catalogues.test.ts checks that each message uses the same arguments.
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Language = typeof LANGUAGES[number];
export type MessageKey = keyof typeof en;
/** A catalogue: a message for every key of the English one. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, de, fr, es, ja };
