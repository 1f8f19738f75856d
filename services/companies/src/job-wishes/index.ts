import { Module } from '@nestjs/common';
import { JobWishes1763900000600 } from './1763900000600-job-wishes';
import { JobWish } from './job-wish.entity';
import { JobWishesController } from './job-wishes.controller';
import { JobWishesService } from './job-wishes.service';

/** Citizens' job wishes as consultants record them: what matching ranks openings and candidates by. */
@Module({ controllers: [JobWishesController], providers: [JobWishesService] })
export class JobWishesModule {}

export const jobWishesEntities = [JobWish];
export const jobWishesMigrations = [JobWishes1763900000600];
export { JobWish };
