import { Initial1764300000000 } from './1764300000000-initial.js';
import { PortalAuth1764300100000 } from './1764300100000-portal-auth.js';
import { ReceiptCommittedAt1764300200000 } from './1764300200000-receipt-committed-at.js';
import { BusinessDomain1764300500000 } from './1764300500000-business-domain.js';
import { PcceGuidesOptions1764301450000 } from './1764301450000-pcce-guides-options.js';

/** Listed explicitly, in order. */
export const MIGRATIONS = [Initial1764300000000, PortalAuth1764300100000, ReceiptCommittedAt1764300200000, BusinessDomain1764300500000, PcceGuidesOptions1764301450000];
