/**
 * Two-compartment model with first-order absorption (NONMEM ADVAN4): depot → central ⇄
 * peripheral. Defaults KA 1 /h, CL 5 L/h, V1 50 L, Q 2 L/h, V2 100 L (the benchmark subject).
 * Reference: Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis, 5th ed. 2016.
 */
export const pk2cmt_oral = `$MODEL pk2cmt_oral
$DESCRIPTION Two-compartment model with first-order absorption (oral doses into CMT 1, depot)
$REFERENCE Gabrielsson J, Weiner D. Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and Applications, 5th ed. Swedish Pharmaceutical Press; 2016. (NONMEM ADVAN4)
$TIME h
$ROUTES                      # the compartment each regimen route doses
oral = depot
iv = central
$PARAMETERS
KA = 1 : 1/h : absorption rate constant
CL = 5 : L/h : clearance
V1 = 50 : L : central volume
Q = 2 : L/h : inter-compartmental clearance
V2 = 100 : L : peripheral volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
depot : mg : absorption depot
central : mg : central compartment
periph : mg : peripheral compartment
$ODE
d/dt(depot) = -KA*depot
d/dt(central) = KA*depot - CL/V1*central - Q/V1*central + Q/V2*periph
d/dt(periph) = Q/V1*central - Q/V2*periph
$OUTPUTS
CP = central/V1 : mg/L : plasma concentration
`;
