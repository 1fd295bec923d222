/**
 * Names from math.js 15.2.0, written by scripts/mathjs-names.ts: do not edit, run the script.
 * The formula layer's own math.js instance holds only the parser, so the names of the whole library
 * (which a formula may not use as variables) and its units (`5 cm`) are kept here.
 */

/**
 * The math.js version these names come from.
 * @example
 * ```ts
 * MATHJS_VERSION; // "15.2.0"
 * ```
 */
export const MATHJS_VERSION = "15.2.0";

/**
 * Every name in the namespace of a whole math.js instance (functions, constants such as `i` and
 * `phi`, classes), sorted.
 * @example
 * ```ts
 * MATHJS_NAMES.includes("gamma"); // true
 * ```
 */
export const MATHJS_NAMES: readonly string[] = Object.freeze(
  "AccessorNode ArgumentsError ArrayNode AssignmentNode BigNumber BlockNode Chain Complex ConditionalNode ConstantNode DenseMatrix DimensionError E FibonacciHeap Fraction FunctionAssignmentNode FunctionNode Help ImmutableDenseMatrix Index IndexError IndexNode Infinity LN10 LN2 LOG10E LOG2E Matrix NaN Node ObjectNode OperatorNode PI ParenthesisNode Parser Range RangeNode RelationalNode ResultSet SQRT1_2 SQRT2 Spa SparseMatrix SymbolNode Unit abs acos acosh acot acoth acsc acsch add addScalar and apply arg asec asech asin asinh atan atan2 atanh atomicMass avogadro bellNumbers bernoulli bigint bignumber bin bitAnd bitNot bitOr bitXor bohrMagneton bohrRadius boltzmann boolean catalan cbrt ceil chain classicalElectronRadius clone column combinations combinationsWithRep compare compareNatural compareText compile complex composition concat conductanceQuantum config conj corr cos cosh cot coth coulomb coulombConstant count create createUnit cross csc csch ctranspose cube cumsum deepEqual den derivative det deuteronMass diag diff distance divide divideScalar dot dotDivide dotMultiply dotPow e efimovFactor eigs electricConstant electronMass elementaryCharge emit equal equalScalar equalText erf evaluate exp expm expm1 expression factorial factory false faraday fermiCoupling fft filter fineStructure firstRadiation fix flatten floor forEach format fraction freqz gamma gasConstant gcd getMatrixDataType gravitationConstant gravity hartreeEnergy hasNumericValue help hex hypot i identity ifft im import index intersect inv inverseConductanceQuantum invmod isAccessorNode isArray isArrayNode isAssignmentNode isBigInt isBigNumber isBlockNode isBoolean isBounded isChain isCollection isComplex isConditionalNode isConstantNode isDate isDenseMatrix isFinite isFraction isFunction isFunctionAssignmentNode isFunctionNode isHelp isIndex isIndexNode isInteger isMap isMatrix isNaN isNegative isNode isNull isNumber isNumeric isObject isObjectNode isObjectWrappingMap isOperatorNode isParenthesisNode isPartitionedMap isPositive isPrime isRange isRangeNode isRegExp isRelationalNode isResultSet isSparseMatrix isString isSymbolNode isUndefined isUnit isZero kldivergence klitzing kron larger largerEq lcm leafCount leftShift lgamma log log10 log1p log2 loschmidt lsolve lsolveAll lup lusolve lyap mad magneticConstant magneticFluxQuantum map mapSlices matrix matrixFromColumns matrixFromFunction matrixFromRows max mean median min mod mode molarMass molarMassC12 molarPlanckConstant molarVolume multinomial multiply multiplyScalar neutronMass norm not nthRoot nthRoots nuclearMagneton null nullish num number numeric oct off on once ones or parse parser partitionSelect permutations phi pi pickRandom pinv planckCharge planckConstant planckLength planckMass planckTemperature planckTime polynomialRoot pow print prod protonMass qr quantileSeq quantumOfCirculation random randomInt range rationalize re reducedPlanckConstant replacer reshape resize resolve reviver rightArithShift rightLogShift rotate rotationMatrix round row rydberg sackurTetrode schur sec sech secondRadiation setCartesian setDifference setDistinct setIntersect setIsSubset setMultiplicity setPowerset setSize setSymDifference setUnion sign simplify simplifyConstant simplifyCore sin sinh size slu smaller smallerEq solveODE sort sparse speedOfLight splitUnit sqrt sqrtm square squeeze std stefanBoltzmann stirlingS2 string subset subtract subtractScalar sum sylvester symbolicEqual tan tanh tau thomsonCrossSection to toBest trace transpose true typeOf typed unaryMinus unaryPlus unequal unit usolve usolveAll vacuumImpedance variance version weakMixingAngle wienDisplacement xgcd xor zeros zeta zpk2tf".split(
    " ",
  ),
);

/**
 * math.js's units, grouped by the prefixes they take (space-separated lists; "" for none). A name is
 * a unit when it is one of the units, or one of its prefixes followed by it (`cm`, `kHz`).
 * @example
 * ```ts
 * UNIT_GROUPS.some((g) => g.units.split(" ").includes("m") && g.prefixes.split(" ").includes("c")); // true
 * ```
 */
export const UNIT_GROUPS: readonly { readonly prefixes: string; readonly units: string }[] = Object.freeze([
  {
    prefixes: "E G M P Q R T Y Z a c d da f h k m n p q r u y z",
    units:
      "A Ah C F H Hz J K L N Pa S T V VA VAR W Wb Wh cd deg degC degF degR dyn eV g grad l lt m m2 m3 mol rad s t ton tons",
  },
  { prefixes: "E Ei G Gi Ki M Mi P Pi T Ti Y Yi Z Zi k", units: "B b" },
  { prefixes: "MM", units: "BTU BTUs" },
  {
    prefixes: "",
    units:
      "acre acres angstrom angstroms arcmin arcminute arcminutes arcsec arcsecond arcseconds atm bbl beerbarrel beerbarrels cc centuries century ch chain chains cmH2O cmh2o cp cuft cuin cup cups cuyd cwt cycle cycles day days decade decades dr dram drams drop feet fldr floz fluiddram fluiddrams fluidounce fluidounces foot ft gal gallon gallons gi gill gills gr grain grains gtt gtts h hectare hectares hogshead hogsheads hour hours hp hr hrs hundredweight hundredweights in inch inches kgf kilogramforce lb lbf lbm lbs li link links mi mil mile miles millennia millennium min minim minims mins minute minutes mmH2O mmHg mmh2o mmhg month months obl oilbarrel oilbarrels ounce ounces oz pint pints poundforce poundmass poundmasses psi pt qt quart quarts rd rod rods sqch sqfeet sqft sqin sqmi sqmil sqmile sqmiles sqrd sqyard sqyd stick sticks stone tablespoon tablespoons teaspoon teaspoons torr week weeks yard yards yd year years",
  },
  {
    prefixes:
      "atto centi deca deci exa femto giga hecto kilo mega micro milli nano peta pico quecto quetta ronna ronto tera yocto yotta zepto zetta",
    units:
      "amp ampere amperes amps candela celsius coulomb coulombs degree degrees dyne electronvolt electronvolts fahrenheit farad farads gradian gradians gram grams henry hertz joule joules kelvin kip kips liter liters litre litres meter meters mole moles newton radian radians rankine sec second seconds secs siemens tesla teslas tonne tonnes volt volts watt watts weber webers",
  },
  {
    prefixes:
      "E G M P Q R T Y Z a atto c centi d da deca deci exa f femto giga h hecto k kilo m mega micro milli n nano p peta pico q quecto quetta r ronna ronto tera u y yocto yotta z zepto zetta",
    units: "bar erg ohm ohms",
  },
  {
    prefixes: "exa exi gibi giga kibi kilo mebi mega pebi peta tebi tera yobi yotta zebi zetta",
    units: "bit bits byte bytes",
  },
]);
