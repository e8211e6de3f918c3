import type { TLSSocket } from 'node:tls';
import { Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '#common';
import { AuthenticationService, type Authenticated } from './authentication.service.js';
import { SESSION_COOKIE } from './portal-auth.guard.js';

/** The portal's logins (`/portal/api/autenticar`): by certificate, or by access key (`chave-acesso`). */
@Public()
@ApiTags('Autenticação')
@Controller('portal/api/autenticar')
export class AutenticarController {
  constructor(private readonly authentication: AuthenticationService) {}

  @Post()
  @HttpCode(200)
  async withRoleType(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('role-type') roleType?: string) {
    return this.respond(response, await this.authentication.withRoleType(request.socket as TLSSocket, roleType));
  }

  @Post('sistema')
  @HttpCode(200)
  async withSystemCode(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('system-code') systemCode?: string) {
    return this.respond(response, await this.authentication.withSystemCode(request.socket as TLSSocket, systemCode));
  }

  @Post('chave-acesso')
  @HttpCode(200)
  async withAccessKey(
    @Res({ passthrough: true }) response: Response,
    @Headers('client-id') clientId?: string,
    @Headers('client-secret') clientSecret?: string,
    @Headers('role-type') roleType?: string,
  ) {
    return this.respond(response, await this.authentication.withAccessKey(clientId, clientSecret, roleType));
  }

  @Post('chave-acesso/sistema')
  @HttpCode(200)
  async withAccessKeyAndSystemCode(
    @Res({ passthrough: true }) response: Response,
    @Headers('client-id') clientId?: string,
    @Headers('client-secret') clientSecret?: string,
    @Headers('system-code') systemCode?: string,
  ) {
    return this.respond(response, await this.authentication.withAccessKeyAndSystemCode(clientId, clientSecret, systemCode));
  }

  /** Set-Token, X-CSRF-Token, X-CSRF-Expiration (epoch ms), the session cookie; body `{token}` = X-CSRF-Token. */
  private respond(response: Response, { jwt, csrf }: Authenticated) {
    response.setHeader('Set-Token', jwt);
    response.setHeader('X-CSRF-Token', csrf.token);
    response.setHeader('X-CSRF-Expiration', String(csrf.expiration));
    response.setHeader('Access-Control-Expose-Headers', 'Set-Token, X-CSRF-Token, X-CSRF-Expiration');
    response.cookie(SESSION_COOKIE, jwt, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
    return { token: csrf.token };
  }
}
