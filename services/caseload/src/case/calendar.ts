import { copenhagenDateOf, IsoDate } from '../rules';

/** Today's date in Copenhagen: the one place caseload reads the clock for a date. */
export const copenhagenToday = (): IsoDate => copenhagenDateOf(new Date());
