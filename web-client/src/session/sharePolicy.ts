/**
 * The rooms' share policy as `GET /api/config` states it (room-service's `COVIEW_ROOM_SHARE_POLICY`): under
 * `one-at-a-time` a page refuses its person's share while the other side's share runs (sharing or paused), in
 * words that say why and what to do. Pure.
 */
import type { ClientConfig } from './roomApi';
import type { MessageKey } from '../i18n';

export type SharePolicy = 'both' | 'one-at-a-time' | 'customer-only';

/** The policy of {@code config}; `both` when the service states none (an older one) or one this page does not know. */
export function sharePolicyOf(config: Pick<ClientConfig, 'sharePolicy'>): SharePolicy {
  const p = config.sharePolicy;
  return p === 'one-at-a-time' || p === 'customer-only' ? p : 'both';
}

/**
 * Why a share may not start now (the words for the person starting it), or null when it may.
 * @param otherPhase the other side's share phase as signaling last reported it (null: never shared)
 * @param starter whose share would start
 */
export function shareRefusal(policy: SharePolicy, otherPhase: string | null, starter: 'customer' | 'agent'):
    MessageKey | null {
  if (policy !== 'one-at-a-time') return null;
  if (otherPhase !== 'sharing' && otherPhase !== 'paused') return null;
  return starter === 'agent' ? 'share.oneAtATimeAgent' : 'share.oneAtATimeCustomer';
}
