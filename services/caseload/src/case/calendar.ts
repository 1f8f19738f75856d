/** Today's date in Copenhagen (the platform's one definition, in service-kit). */
export { copenhagenToday } from '@fremskudt/service-kit';
