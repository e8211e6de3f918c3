import { Initial1764300000000 } from './1764300000000-initial.js';
import { PortalAuth1764300100000 } from './1764300100000-portal-auth.js';
import { ReceiptCommittedAt1764300200000 } from './1764300200000-receipt-committed-at.js';
import { BusinessDomain1764300500000 } from './1764300500000-business-domain.js';
import { PrivateParties1764301300000 } from './1764301300000-private-parties.js';
import { AttemptQueueTime1764301600000 } from './1764301600000-attempt-queue-time.js';
import { PcceGuidesOptions1764301450000 } from './1764301450000-pcce-guides-options.js';
import { PlatformBehaviours1764301500000 } from './1764301500000-platform-behaviours.js';
import { ConformanceRuns1764301700000 } from './1764301700000-conformance-runs.js';

/** Listed explicitly, in order. */
export const MIGRATIONS = [
  Initial1764300000000,
  PortalAuth1764300100000,
  ReceiptCommittedAt1764300200000,
  BusinessDomain1764300500000,
  PrivateParties1764301300000,
  PcceGuidesOptions1764301450000,
  PlatformBehaviours1764301500000,
  AttemptQueueTime1764301600000,
  ConformanceRuns1764301700000,
];
