/**
 * One-compartment model with first-order absorption (NONMEM ADVAN2): depot → central.
 * Defaults KA 1.1 /h, CL 6 L/h, V 25 L: 600 mg orally gives 0, 13.81, 7.231, 3.539,
 * 1.723 mg/L at 0, 3, 6, 9, 12 h (Bateman function).
 * Reference: Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics, 4th ed. 2011.
 */
export const pk1cmt_oral = `$MODEL pk1cmt_oral
$DESCRIPTION One-compartment model with first-order absorption (oral doses into CMT 1, depot)
$REFERENCE Rowland M, Tozer TN. Clinical Pharmacokinetics and Pharmacodynamics: Concepts and Applications, 4th ed. Lippincott Williams & Wilkins; 2011. (NONMEM ADVAN2)
$TIME h
$ROUTES                      # the compartment each regimen route doses
oral = depot
iv = central
$PARAMETERS
KA = 1.1 : 1/h : absorption rate constant
CL = 6 : L/h : clearance
V = 25 : L : volume of distribution
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V*central
$OUTPUTS
CP = central/V : mg/L : plasma concentration
`;
