/**
 * Friberg semi-mechanistic myelosuppression model: proliferating cells (PROL) mature through
 * three transit compartments into circulating neutrophils (CIRC), with rate KTR = 4/MTT,
 * feedback (CIRC0/CIRC)^GAMMA on proliferation and a linear drug effect SLOPE·C from a
 * one-compartment IV drug. Cell counts in 10⁹/L, written 1/nL. Defaults of the order reported
 * for docetaxel (MTT ≈ 89 h, γ ≈ 0.16, Circ0 ≈ 5×10⁹/L); SLOPE and the drug PK illustrative.
 * Reference: Friberg LE, Henningsson A, Maas H, Nguyen L, Karlsson MO. Model of
 * chemotherapy-induced myelosuppression with parameter consistency across drugs. J Clin Oncol.
 * 2002;20(24):4713-4721. doi:10.1200/JCO.2002.02.140
 */
export const friberg = `$MODEL friberg
$DESCRIPTION Friberg myelosuppression (proliferation, 3 transits, circulating neutrophils) with one-compartment IV drug (doses into CMT 1, central)
$REFERENCE Friberg LE, Henningsson A, Maas H, Nguyen L, Karlsson MO. Model of chemotherapy-induced myelosuppression with parameter consistency across drugs. J Clin Oncol. 2002;20(24):4713-4721. doi:10.1200/JCO.2002.02.140
$TIME h
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
CL = 30 : L/h : drug clearance
V = 10 : L : drug volume
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
MTT = 89 : h : mean transit time of maturation
CIRC0 = 5 : 1/nL : baseline neutrophil count (10^9/L)
GAMMA = 0.16 : 1 : feedback exponent
SLOPE = 0.1 : L/mg : linear drug effect on proliferation
$COMPARTMENTS
central : mg : drug amount
PROL : 1/nL : proliferating cells
TRANSIT1 : 1/nL : maturing cells, stage 1
TRANSIT2 : 1/nL : maturing cells, stage 2
TRANSIT3 : 1/nL : maturing cells, stage 3
CIRC : 1/nL : circulating neutrophils
$DERIVED
C = central/V
KTR = 4/MTT
EDRUG = SLOPE*C
$ODE
d/dt(central) = -CL/V*central
d/dt(PROL) = KTR*PROL*(1 - EDRUG)*(CIRC0/CIRC)^GAMMA - KTR*PROL
d/dt(TRANSIT1) = KTR*(PROL - TRANSIT1)
d/dt(TRANSIT2) = KTR*(TRANSIT1 - TRANSIT2)
d/dt(TRANSIT3) = KTR*(TRANSIT2 - TRANSIT3)
d/dt(CIRC) = KTR*(TRANSIT3 - CIRC)
$INIT
PROL(0) = CIRC0
TRANSIT1(0) = CIRC0
TRANSIT2(0) = CIRC0
TRANSIT3(0) = CIRC0
CIRC(0) = CIRC0
$OUTPUTS
CP = C : mg/L : drug concentration
ANC = CIRC : 1/nL : absolute neutrophil count (10^9/L)
`;
