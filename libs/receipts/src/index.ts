export * from './receipt-chain.js';
