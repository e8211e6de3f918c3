import { Global, Module } from '@nestjs/common';
import { AuthorityService } from './authority.service.js';

@Global()
@Module({ providers: [AuthorityService], exports: [AuthorityService] })
export class AuthorityModule {}
