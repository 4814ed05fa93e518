/**
 * Effect-compartment (link) model: one-compartment IV PK, a hypothetical effect site with
 * dCE/dt = KE0·(CP − CE), and E = E0 + EMAX·CE/(EC50 + CE). The delay between plasma
 * concentration and effect (hysteresis) is set by KE0. Defaults illustrative (KE0 0.5 /h).
 * Reference: Sheiner LB, Stanski DR, Vozeh S, Miller RD, Ham J. Simultaneous modeling of
 * pharmacokinetics and pharmacodynamics: application to d-tubocurarine. Clin Pharmacol Ther.
 * 1979;25(3):358-371. doi:10.1002/cpt1979253358
 */
export const effect_cmt = `$MODEL effect_cmt
$DESCRIPTION Effect-compartment model: one-compartment IV PK (doses into CMT 1, central) with an effect site and Emax effect
$REFERENCE Sheiner LB, Stanski DR, Vozeh S, Miller RD, Ham J. Simultaneous modeling of pharmacokinetics and pharmacodynamics: application to d-tubocurarine. Clin Pharmacol Ther. 1979;25(3):358-371. doi:10.1002/cpt1979253358
$TIME h
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 6 : L/h : clearance
V = 25 : L : volume of distribution
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
KE0 = 0.5 : 1/h : equilibration rate constant of the effect site
E0 = 0 : 1 : baseline effect
EMAX = 100 : 1 : maximum drug effect
EC50 = 2 : mg/L : effect-site concentration giving half the maximum effect
$COMPARTMENTS
central : mg : central compartment
CE : mg/L : effect-site concentration
$DERIVED
C = central/V
$ODE
d/dt(central) = -CL/V*central
d/dt(CE) = KE0*(C - CE)
$OUTPUTS
CP = C : mg/L : plasma concentration
E = E0 + EMAX*CE/(EC50 + CE) : 1 : drug effect
`;
