import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentSession, type PortalSession } from './auth/portal-auth.guard.js';

/** Simulator extension: who the presented token authenticates, to check a login end to end. */
@ApiTags('Autenticação')
@Controller('portal/api/sessao')
export class WhoAmIController {
  @Get()
  whoAmI(@CurrentSession() session: PortalSession) {
    const { interveniente, claims } = session;
    return {
      ni: interveniente.ni,
      nome: interveniente.name,
      tipo: interveniente.tipo,
      uf: interveniente.uf,
      orgao: interveniente.orgao,
      perfil: claims.perfil,
      certificado: claims.certificado,
      expiraEm: new Date(claims.exp * 1000).toISOString(),
    };
  }
}
