// Single entry point to @peculiar/x509: it depends on tsyringe, which throws at import time
// without the Reflect metadata polyfill, and it must be told which WebCrypto to use.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
