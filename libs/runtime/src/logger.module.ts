import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { SerializedRequest, SerializedResponse } from 'pino';
import { AppConfig } from '#config';

/**
 * Secrets never reach the logs. Request lines carry no headers at all (they hold the tokens, the
 * cookie and the subscriber's secret) but those listed here; what the code logs itself is redacted.
 */
const LOGGED_REQUEST_HEADERS = ['content-type', 'accept', 'role-type', 'system-code', 'user-agent'];

const REDACTED_PATHS = [
  '*.chaveSecreta',
  '*.secret',
  '*.keyPem',
  '*.password',
  '*.senha',
  '*.token',
];

function pickHeaders(headers: SerializedRequest['headers']): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of LOGGED_REQUEST_HEADERS) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          name: config.INSTANCE_NAME,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            req: ({ id, method, url, remoteAddress, headers }: SerializedRequest) => ({
              id,
              method,
              url,
              remoteAddress,
              headers: pickHeaders(headers),
            }),
            res: ({ statusCode }: SerializedResponse) => ({ statusCode }),
          },
          genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
          autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          transport:
            config.NODE_ENV === 'development' && process.stdout.isTTY
              ? { target: 'pino-pretty', options: { singleLine: true } }
              : undefined,
        },
      }),
    }),
  ],
})
export class LoggerModule {}
