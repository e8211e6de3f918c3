import { IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';
import { SubscriptionFieldsDto } from '../../business/subscriptions/subscription-fields.dto.js';

/** `POST /portal/api/ext/webhook`. */
export class CreateWebhookDto extends SubscriptionFieldsDto {}

/** `PUT /portal/api/ext/webhook/{id}`: the same fields, `evento` optional, and the portal's example repeats `id` in the body. */
export class UpdateWebhookDto extends IntersectionType(OmitType(SubscriptionFieldsDto, ['evento'] as const), PartialType(PickType(SubscriptionFieldsDto, ['evento'] as const))) {
  @IsOptional()
  @IsInt()
  id?: number;
}
