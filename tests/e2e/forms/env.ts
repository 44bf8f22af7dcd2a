import type { LiveHubs } from '../../helpers/live-hubs.ts';
import type { MailCatcher } from '../../../scripts/lib/mail-catcher.ts';

/** The built hub, the live CMS and the mail catcher the forms' browser tests share (../forms.test.ts). */
export const forms = {} as { live: LiveHubs; mail: MailCatcher };
