import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { AppConfig } from '#config';

/** Secrets never reach the logs: tokens, the subscriber's chaveSecreta, keys and passwords. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.secret',
  'res.headers["set-token"]',
  'res.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.chaveSecreta',
  '*.secret',
  '*.keyPem',
  '*.password',
  '*.senha',
  '*.token',
];

@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          name: config.INSTANCE_NAME,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
