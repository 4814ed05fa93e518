/**
 * Full target-mediated drug disposition (TMDD) model: free drug binds its target
 * (KON, KOFF), the complex is internalised (KINT), the target turns over (KSYN = KDEG·R0,
 * KDEG), and free drug is eliminated linearly (KEL). Drug is dosed as an amount in nmol into
 * CMT 1; regimen amounts in mg are converted through the molecular weight of an IgG1
 * antibody, 146 kDa (Vidarsson G, Dekkers G, Rispens T. IgG subclasses and allotypes: from
 * structure to effector functions. Front Immunol. 2014;5:520. doi:10.3389/fimmu.2014.00520);
 * target and complex are concentrations in nM.
 * Binding (KON·R0 = 20 /h) is much faster than elimination (KEL 0.01 /h): a stiff system.
 * Defaults are monoclonal-antibody-like teaching values.
 * Reference: Mager DE, Jusko WJ. General pharmacokinetic model for drugs exhibiting
 * target-mediated drug disposition. J Pharmacokinet Pharmacodyn. 2001;28(6):507-532.
 * doi:10.1023/A:1014414520282
 */
export const tmdd = `$MODEL tmdd
$DESCRIPTION Full target-mediated drug disposition; IV doses in nmol (or mg through the IgG1 molecular weight) into CMT 1 (central), target and complex in nM
$REFERENCE Mager DE, Jusko WJ. General pharmacokinetic model for drugs exhibiting target-mediated drug disposition. J Pharmacokinet Pharmacodyn. 2001;28(6):507-532. doi:10.1023/A:1014414520282
$TIME h
$MW 146000 g/mol             # IgG1 (Vidarsson et al. 2014, doi:10.3389/fimmu.2014.00520)
$ROUTES                      # the compartment each regimen route doses
iv = central
$PARAMETERS
V = 3 : L : central volume
KEL = 0.01 : 1/h : linear elimination rate constant of free drug
KON = 10 : 1/(nM*h) : association rate constant
KOFF = 1 : 1/h : dissociation rate constant
KINT = 0.05 : 1/h : internalisation rate constant of the complex
KDEG = 0.1 : 1/h : degradation rate constant of free target
R0 = 2 : nM : baseline target concentration
F1 = 1 : 1 : bioavailability of doses into compartment 1
ALAG1 = 0 : h : lag time of doses into compartment 1
$COMPARTMENTS
central : nmol : free drug amount
R : nM : free target
RC : nM : drug-target complex
$DERIVED
L = central/V
KSYN = KDEG*R0
BINDING = KON*L*R - KOFF*RC
$ODE
d/dt(central) = -KEL*central - BINDING*V
d/dt(R) = KSYN - KDEG*R - BINDING
d/dt(RC) = BINDING - KINT*RC
$INIT
R(0) = R0
$OUTPUTS
CFREE = L : nM : free drug concentration
RTOT = R + RC : nM : total target
`;
