export const CONFIG = Symbol('ReceptorConfig');
export const INBOX = Symbol('InboxStore');
export const PORTAL = Symbol('PortalClient');
