/**
 * The brief's focus branches (domain brief §4.3, plus retail from the issue): every tenant starts
 * with these; a tenant adds its own branches and relabels or retires these through /branches.
 */
export interface BranchDefinition {
  code: string;
  labelDa: string;
  labelEn: string;
}

export const DEFAULT_BRANCHES: readonly BranchDefinition[] = [
  { code: 'construction', labelDa: 'Bygge og anlæg', labelEn: 'Construction' },
  { code: 'transport-logistics', labelDa: 'Transport og logistik', labelEn: 'Transport and logistics' },
  { code: 'warehouse', labelDa: 'Lager', labelEn: 'Warehouse' },
  { code: 'kitchen-canteen', labelDa: 'Køkken og kantine', labelEn: 'Kitchen and canteen' },
  { code: 'cleaning', labelDa: 'Rengøring', labelEn: 'Cleaning' },
  { code: 'care-homes', labelDa: 'Plejehjem og ældrepleje', labelEn: 'Care homes' },
  { code: 'hotels', labelDa: 'Hotel', labelEn: 'Hotels' },
  { code: 'hospital-service', labelDa: 'Hospitalsservice', labelEn: 'Hospital service' },
  { code: 'retail', labelDa: 'Detailhandel', labelEn: 'Retail' },
];
