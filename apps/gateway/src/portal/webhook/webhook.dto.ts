import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '#common';
import { SubscriptionFieldsDto } from '../../business/subscriptions/subscription-fields.dto.js';

/** `POST /portal/api/ext/webhook`. */
export class CreateWebhookDto extends SubscriptionFieldsDto {}

/** `PUT /portal/api/ext/webhook/{id}`: the portal's example repeats `id` in the body. */
export class UpdateWebhookDto {
  @IsOptional()
  @IsInt()
  id?: number;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  evento?: string;

  @IsString()
  endpoint: string;

  /** Omitted keeps the current secret; `null` removes it. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NoControlCharacters()
  chaveSecreta?: string | null;
}
