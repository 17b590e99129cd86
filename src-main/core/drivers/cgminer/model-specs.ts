// Nominal efficiency of models whose stock firmware reports no power over the API. Figures are the makers' published
// specifications at stock settings (J/TH at the wall); they let the fleet show an estimated power and efficiency, which
// the UI marks as an estimate. A model missing here simply shows no power.
const NOMINAL_J_PER_TH: Readonly<Record<string, number>> = {
  'Antminer S9': 98,
  'Antminer S9i': 94,
  'Antminer S9j': 98,
  'Antminer T17': 55,
  'Antminer S17': 45,
  'Antminer S17 Pro': 40,
  'Antminer T19': 37.5,
  'Antminer S19': 34.5,
  'Antminer S19 Pro': 29.5,
  'Antminer S19j': 34.5,
  'Antminer S19j Pro': 29.5,
  'Antminer S19 XP': 21.5,
  'Antminer S21': 17.5,
};

export function nominalEfficiencyJPerTh(model: string): number | null {
  return NOMINAL_J_PER_TH[model] ?? null;
}
