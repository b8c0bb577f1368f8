import type { Locale } from "../types.ts";
import { en } from "./en.ts";
import type { Messages } from "./messages.ts";

export type { Messages } from "./messages.ts";

/**
 * The message catalogue of each language the conversation speaks, chosen per conversation by its
 * locale: the one place a new language (a Welsh cy.ts, issue 18) plugs in.
 */
const CATALOGUES: Record<Locale, Messages> = { en };

export const messagesFor = (locale: Locale): Messages => CATALOGUES[locale];
