/**
 * One-compartment model, IV dosing (NONMEM ADVAN1): dA/dt = −CL/V·A, CP = A/V.
 * Defaults CL 6 L/h, V 25 L: the textbook example whose 600 mg bolus gives 24.0, 11.68,
 * 5.686, 2.768, 1.347 mg/L at 0, 3, 6, 9, 12 h.
 * Reference: Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics, 4th ed. 2011.
 */
export const pk1cmt_iv = `$MODEL pk1cmt_iv
$DESCRIPTION One-compartment model with IV dosing (bolus or infusion into CMT 1, central)
$REFERENCE Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics: Concepts and Applications, 4th ed. Lippincott Williams & Wilkins; 2011. (NONMEM ADVAN1)
$TIME h
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 6 : L/h : clearance
V = 25 : L : volume of distribution
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
central : mg : central compartment
$ODE
d/dt(central) = -CL/V*central
$OUTPUTS
CP = central/V : mg/L : plasma concentration
`;
