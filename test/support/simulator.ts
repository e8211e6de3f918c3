import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorityService } from '#authority';
import { NotificationRelay } from '#notifications';
import { DeliveryQueue } from '#queue';
import { startGateway } from '../../apps/gateway/src/main.js';
import { startWorker } from '../../apps/worker/src/main.js';
import { TEST_ENV } from './test-env.js';

export interface AdminResponse<T = any> {
  status: number;
  body: T;
}

export interface Simulator {
  adminUrl: string;
  portalUrl: string;
  admin: <T = any>(method: string, path: string, body?: unknown) => Promise<AdminResponse<T>>;
  dataSource: DataSource;
  deliveryQueue: DeliveryQueue;
  relay: NotificationRelay;
  authority: AuthorityService;
  worker?: INestApplication;
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** Boots the real gateway (and, unless told not to, a real worker) in this process. */
export async function startSimulator(
  overrides: Record<string, string> = {},
  { withWorker = true } = {},
): Promise<Simulator> {
  const env = { ...TEST_ENV, ...overrides };
  const { admin, portal } = await startGateway(env);
  const worker = withWorker ? await startWorker(env) : undefined;
  const port = (admin.getHttpServer().address() as AddressInfo).port;
  const adminUrl = `http://127.0.0.1:${port}`;
  const portalUrl = `https://127.0.0.1:${(portal.getHttpServer().address() as AddressInfo).port}`;
  return {
    adminUrl,
    portalUrl,
    env,
    worker,
    dataSource: admin.get(DataSource),
    deliveryQueue: admin.get(DeliveryQueue),
    relay: admin.get(NotificationRelay),
    authority: admin.get(AuthorityService),
    admin: (method, path, body) => adminCall(adminUrl, env.ADMIN_TOKEN, method, path, body),
    stop: async () => {
      await worker?.close();
      await portal.close();
      await admin.close();
    },
  };
}

export async function adminCall<T = any>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<AdminResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (PEM, metrics): keep the text.
  }
  return { status: response.status, body: parsed as T };
}
