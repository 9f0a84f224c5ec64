import { defineOptions } from '../config/options.ts';
import { checkWebAddress } from './address.ts';

/** The web page: where the server listens, pairing and who may watch. */
export const webOptions = defineOptions('Web page', {
  web: {
    flag: '--web',
    type: 'string',
    default: '',
    arg: '[HOST:]PORT',
    check: checkWebAddress,
    help:
      'Serve the web page (live view, phone pads, launcher, settings, pictures) on this port, e.g. 8080 ' +
      '(every interface) or 127.0.0.1:8080; empty = off. The Pi service turns it on at 8080.',
    scope: 'config',
  },
  webOpen: {
    flag: '--web-open',
    type: 'bool',
    default: false,
    help:
      'Web page without pairing: anyone who reaches it may play and change settings (only on a network ' +
      'you trust). Without it a phone first types a code the table shows.',
    scope: 'config',
  },
  webPrivateView: {
    flag: '--web-private-view',
    type: 'bool',
    default: false,
    help: 'Web page: the live view too is for paired phones only (without it anyone who reaches the page sees it).',
    scope: 'config',
  },
});
