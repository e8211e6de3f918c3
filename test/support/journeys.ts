import { pollUntil } from './poll.js';
import { fromXml, type PortalSession, toXmlBody, XML_HEADERS } from './portal-client.js';
import type { Receiver } from './receiver.js';

/**
 * The same portal calls in either format, for the journeys that run once in JSON and once in XML:
 * `call` writes the body under `root`, `read` gives back `{ field: value }`, `list` a top-level list of `item`s.
 */
export const FORMATS = {
  JSON: {
    call: (session: PortalSession, method: string, path: string, _root: string, body?: object) => session.call(method, path, body),
    read: (text: string): any => JSON.parse(text),
    list: (text: string, _item: string): any[] => JSON.parse(text),
  },
  XML: {
    call: (session: PortalSession, method: string, path: string, root: string, body?: object) =>
      session.call(method, path, body && toXmlBody(root, body), XML_HEADERS),
    read: (text: string): any => Object.values(fromXml(text))[0],
    list: (text: string, item: string): any[] => [(Object.values(fromXml(text))[0] as any)[item]].flat(),
  },
};

/** The body of the first `evento` notification the receiver got, once it arrives. */
export const notified = (hook: Receiver, evento: string) =>
  pollUntil(
    async () => hook.requests.find((request) => request.headers['event-type'] === evento),
    (request) => request !== undefined,
    { what: `${evento} at the endpoint` },
  ).then((request) => JSON.parse(request!.body));
