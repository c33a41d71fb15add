\ test/forth/float.fth -- tests for the Forth 2012 FLOATING-POINT word set (12)
\ Run after harness.fth and harness-float.fth.  F. FE. FS. are tested in
\ float-output.fth.  FFIELD: SFFIELD: DFFIELD: need BEGIN-STRUCTURE and
\ END-STRUCTURE from the Facility extensions.
\
\ Words covered here:
\   >FLOAT D>F F! F* F+ F- F/ F0< F0= F< F>D F@ FALIGN FALIGNED FCONSTANT
\   FDEPTH FDROP FDUP FLITERAL FLOAT+ FLOATS FLOOR FMAX FMIN FNEGATE FOVER
\   FROT FROUND FSWAP FVARIABLE REPRESENT
\   DF! DF@ DFALIGN DFALIGNED DFFIELD: DFLOAT+ DFLOATS F** F>S FABS FACOS
\   FACOSH FALOG FASIN FASINH FATAN FATAN2 FATANH FCOS FCOSH FEXP FEXPM1
\   FFIELD: FLN FLNP1 FLOG FSIN FSINCOS FSINH FSQRT FTAN FTANH FTRUNC
\   FVALUE F~ PRECISION S>F SET-PRECISION SF! SF@ SFALIGN SFALIGNED
\   SFFIELD: SFLOAT+ SFLOATS
\   and the text interpreter's floating-point numbers (12.3.7)
\ In float-output.fth:  F. FE. FS.
\
\ Assumes what the Sidecar Forth provides: floats are IEEE 754 doubles on
\ a separate float stack, rounding to nearest, little-endian memory.
\ Results that IEEE arithmetic gives exactly are compared EXACTly; results
\ of library functions are compared APPROXimately (relative 1E-12).

DECIMAL
0 INVERT          CONSTANT UMAX
UMAX 1 RSHIFT     CONSTANT NMAX
NMAX INVERT       CONSTANT NMIN
3.141592653589793E0 FCONSTANT FPI
EXACT

SECTION floating-point numbers in the text interpreter
T{ 1E -> 1.0E0 }T
T{ 1.E -> 1E }T
T{ 1.E0 -> 1E }T
T{ +1.23E-1 -> 0.123E0 }T
T{ -1.23E+1 -> -12.3E0 }T
T{ 1.5E2 -> 150E }T
T{ 25E-1 -> 2.5E }T
T{ 0E -> 0E }T
T{ -0E -> 0E FNEGATE }T
T{ 1e -> 1E }T                                  \ Sidecar: case-insensitive
T{ 1 2E 3 -> 1 3 2E }T                          \ floats live on their own stack
T{ HEX 1E DECIMAL -> 30 }T                      \ not a float unless BASE is decimal
T{ 15. -> 15 0 }T                               \ no E: a double-cell integer

SECTION the float stack: FDEPTH FDROP FDUP FOVER FROT FSWAP
T{ FDEPTH -> 0 }T
T{ 1E FDEPTH -> 1 1E }T
T{ 1E 2E FDEPTH -> 2 1E 2E }T
T{ 1E FDROP -> }T
T{ 1E 2E FDROP -> 1E }T
T{ 1E FDUP -> 1E 1E }T
T{ 1E 2E FOVER -> 1E 2E 1E }T
T{ 1E 2E 3E FROT -> 2E 3E 1E }T
T{ 1E 2E FSWAP -> 2E 1E }T
T{ 5 1E FDUP -> 5 1E 1E }T                      \ the data stack is not touched

SECTION arithmetic: F+ F- F* F/ FNEGATE FABS FMAX FMIN FSQRT
T{ 1E 2E F+ -> 3E }T
T{ -1E 1E F+ -> 0E }T
T{ 0.5E 0.25E F+ -> 0.75E }T
T{ 5E 3E F- -> 2E }T
T{ 3E 5E F- -> -2E }T
T{ 2E 3E F* -> 6E }T
T{ -2E 3E F* -> -6E }T
T{ 1.5E 1.5E F* -> 2.25E }T
T{ 6E 3E F/ -> 2E }T
T{ 1E 4E F/ -> 0.25E }T
T{ -1E 8E F/ -> -0.125E }T
T{ 1E 3E F/ 3E F* -> 1E }T                      \ correctly rounded IEEE result
T{ 1E FNEGATE -> -1E }T
T{ -1E FNEGATE -> 1E }T
T{ 0E FNEGATE -> -0E }T
T{ 0E FNEGATE FNEGATE -> 0E }T
T{ -2.5E FABS -> 2.5E }T
T{ 2.5E FABS -> 2.5E }T
T{ -0E FABS -> 0E }T
T{ 1E 2E FMAX -> 2E }T
T{ 2E 1E FMAX -> 2E }T
T{ -1E -2E FMAX -> -1E }T
T{ 1E 2E FMIN -> 1E }T
T{ 2E 1E FMIN -> 1E }T
T{ -1E -2E FMIN -> -2E }T
T{ 4E FSQRT -> 2E }T
T{ 0.25E FSQRT -> 0.5E }T
T{ 0E FSQRT -> 0E }T
T{ 2E FSQRT FDUP F* -> 2.0000000000000004E0 }T  \ sqrt(2) rounded, squared
APPROX
T{ 2E FSQRT -> 1.4142135623730951E0 }T
EXACT
T{ 0.1E 0.2E F+ 0.3E F- F0= -> 0 }T             \ binary floats: not exact

SECTION comparisons: F0< F0= F<
T{ 0E F0< -> 0 }T
T{ -1E F0< -> -1 }T
T{ 1E F0< -> 0 }T
T{ -0E F0< -> 0 }T                              \ -0 is not less than zero
T{ -1E-300 F0< -> -1 }T
T{ 0E F0= -> -1 }T
T{ -0E F0= -> -1 }T
T{ 1E F0= -> 0 }T
T{ 1E-300 F0= -> 0 }T
T{ 1E 2E F< -> -1 }T
T{ 2E 1E F< -> 0 }T
T{ 1E 1E F< -> 0 }T
T{ -2E -1E F< -> -1 }T
T{ -0E 0E F< -> 0 }T

SECTION rounding: FLOOR FROUND FTRUNC
T{ 1.5E FLOOR -> 1E }T
T{ -1.5E FLOOR -> -2E }T
T{ 2E FLOOR -> 2E }T
T{ -2E FLOOR -> -2E }T
T{ 0.5E FLOOR -> 0E }T
T{ -0.5E FLOOR -> -1E }T
T{ 1.4E FROUND -> 1E }T
T{ 1.6E FROUND -> 2E }T
T{ -1.6E FROUND -> -2E }T
T{ 2.5E FROUND -> 2E }T                         \ ties go to even
T{ 3.5E FROUND -> 4E }T
T{ -2.5E FROUND -> -2E }T
T{ 0.5E FROUND F0= -> -1 }T
T{ 1.7E FTRUNC -> 1E }T
T{ -1.7E FTRUNC -> -1E }T
T{ 2E FTRUNC -> 2E }T
T{ 0.3E FTRUNC F0= -> -1 }T
T{ 1E300 FLOOR -> 1E300 }T                      \ already integral

SECTION conversions: D>F F>D S>F F>S
T{ 0. D>F -> 0E }T
T{ 1. D>F -> 1E }T
T{ -1. D>F -> -1E }T
T{ 0 1 D>F -> 18446744073709551616E0 }T         \ 2^64
T{ 1000000. D>F -> 1E6 }T
T{ 1E F>D -> 1. }T
T{ 1.9E F>D -> 1. }T                            \ the fraction is discarded
T{ -1.9E F>D -> -1. }T
T{ 0.5E F>D -> 0. }T
T{ 1E18 F>D -> 1000000000000000000. }T
T{ 1E19 F>D -> 10000000000000000000. }T         \ more than a cell holds
T{ 18446744073709551616E0 F>D -> 0 1 }T
T{ -18446744073709551616E0 F>D -> 0 -1 }T
T{ 0 S>F -> 0E }T
T{ 5 S>F -> 5E }T
T{ -5 S>F -> -5E }T
T{ NMIN S>F -> -9223372036854775808E0 }T
T{ 2.9E F>S -> 2 }T
T{ -2.9E F>S -> -2 }T
T{ 1E18 F>S -> 1000000000000000000 }T

SECTION memory: F! F@ FALIGN FALIGNED FLOAT+ FLOATS FVARIABLE FCONSTANT
T{ 1 FLOATS -> 8 }T                             \ IEEE doubles
T{ 0 FLOATS -> 0 }T
T{ 3 FLOATS -> 24 }T
T{ 100 FLOAT+ -> 108 }T
T{ 0 FALIGNED -> 0 }T
T{ 1 FALIGNED -> 8 }T
T{ 8 FALIGNED -> 8 }T
T{ 9 FALIGNED -> 16 }T
T{ HERE 1 CHARS ALLOT FALIGN HERE SWAP - 1 FLOATS 1+ < -> -1 }T
T{ HERE FALIGNED HERE = -> -1 }T                 \ FALIGN aligned HERE
FVARIABLE FV1
FVARIABLE FV2
T{ FV1 FALIGNED FV1 = -> -1 }T
T{ 1.5E FV1 F! FV1 F@ -> 1.5E }T
T{ -0E FV1 F! FV1 F@ -> -0E }T
T{ 1E FV1 F! 2E FV2 F! FV1 F@ FV2 F@ -> 1E 2E }T
FALIGN HERE 2 FLOATS ALLOT CONSTANT FARR
T{ 3E FARR F! 4E FARR FLOAT+ F! FARR F@ FARR FLOAT+ F@ -> 3E 4E }T
2.5E FCONSTANT FC1
T{ FC1 -> 2.5E }T
T{ FC1 FC1 F+ -> 5E }T
-1E300 FCONSTANT FC2
T{ FC2 -> -1E300 }T

SECTION FLITERAL FVALUE
: FL1 ( -- r ) [ 1.25E ] FLITERAL ;
T{ FL1 -> 1.25E }T
: FL2 ( -- r ) 1.25E ;                          \ a float in a definition
T{ FL2 -> 1.25E }T
: FL3 ( -- r r ) [ 2E 3E F* ] FLITERAL FDUP ;
T{ FL3 -> 6E 6E }T
1.5E FVALUE FVAL1
T{ FVAL1 -> 1.5E }T
T{ 2.5E TO FVAL1 FVAL1 -> 2.5E }T
: SET-FVAL1 ( r -- ) TO FVAL1 ;
: GET-FVAL1 ( -- r ) FVAL1 ;
T{ -7E SET-FVAL1 GET-FVAL1 -> -7E }T

SECTION DF! DF@ DFALIGN DFALIGNED DFLOAT+ DFLOATS
T{ 1 DFLOATS -> 8 }T
T{ 100 DFLOAT+ -> 108 }T
T{ 1 DFALIGNED -> 8 }T
T{ 16 DFALIGNED -> 16 }T
DFALIGN HERE 2 DFLOATS ALLOT CONSTANT DFBUF
T{ DFBUF DFALIGNED DFBUF = -> -1 }T
T{ 1E DFBUF DF! DFBUF @ -> $3FF0000000000000 }T      \ IEEE double bits
T{ -2E DFBUF DF! DFBUF @ -> $C000000000000000 }T
T{ $400921FB54442D18 DFBUF ! DFBUF DF@ -> FPI }T
T{ 0.1E DFBUF DFLOAT+ DF! DFBUF DFLOAT+ DF@ -> 0.1E }T

SECTION SF! SF@ SFALIGN SFALIGNED SFLOAT+ SFLOATS
T{ 1 SFLOATS -> 4 }T
T{ 100 SFLOAT+ -> 104 }T
T{ 1 SFALIGNED -> 4 }T
T{ 4 SFALIGNED -> 4 }T
T{ 5 SFALIGNED -> 8 }T
SFALIGN HERE 2 SFLOATS ALLOT CONSTANT SFBUF
T{ SFBUF SFALIGNED SFBUF = -> -1 }T
T{ 0 SFBUF ! 1E SFBUF SF! SFBUF @ -> $3F800000 }T    \ IEEE single bits, 4 bytes
T{ 1.5E SFBUF SF! SFBUF SF@ -> 1.5E }T
T{ 0.1E SFBUF SF! SFBUF SF@ -> 0.100000001490116119384765625E0 }T   \ rounded to single
T{ 2E SFBUF SF! 3E SFBUF SFLOAT+ SF! SFBUF SF@ SFBUF SFLOAT+ SF@ -> 2E 3E }T
T{ $40490FDB SFBUF ! SFBUF SF@ -> 3.1415927410125732421875E0 }T

SECTION F~
T{ 1E 1E 0E F~ -> -1 }T
T{ 1E 1.0000000000000002E 0E F~ -> 0 }T
T{ 0E -0E 0E F~ -> 0 }T                          \ distinct encodings
T{ -0E -0E 0E F~ -> -1 }T
T{ 1E 1.05E 0.1E F~ -> -1 }T                     \ |r1-r2| < r3
T{ 1E 1.2E 0.1E F~ -> 0 }T
T{ 1E 1.1E 0.125E F~ -> -1 }T
T{ 1E 2E 1E F~ -> 0 }T                          \ not less than
T{ 100E 101E -0.01E F~ -> -1 }T                  \ 1 < 0.01*(100+101)
T{ 100E 103E -0.01E F~ -> 0 }T
T{ -100E -101E -0.01E F~ -> -1 }T
T{ 1E -1E -0.5E F~ -> 0 }T

SECTION >FLOAT
: S-1.5   S" 1.5" ;      : S-.5    S" .5" ;       : S-1.5E2 S" 1.5E2" ;
: S-1.5LOWE S" 1.5e2" ;    : S-1.5D2 S" 1.5D2" ;    : S-1.5LOWD S" 1.5d2" ;
: S-SIGNX S" 1.5+2" ;    : S-NEGX  S" -1.5E-2" ;  : S-1E    S" 1E" ;
: S-PLUS1 S" +1" ;       : S-NEG   S" -25" ;      : S-1E+   S" 1E+" ;
: S-1.    S" 1." ;       : S-MINUSX S" 2-1" ;
T{ S-1.5 >FLOAT -> -1 1.5E }T
T{ S-.5 >FLOAT -> -1 0.5E }T
T{ S-1.5E2 >FLOAT -> -1 150E }T
T{ S-1.5LOWE >FLOAT -> -1 150E }T
T{ S-1.5D2 >FLOAT -> -1 150E }T
T{ S-1.5LOWD >FLOAT -> -1 150E }T
T{ S-SIGNX >FLOAT -> -1 150E }T                  \ a sign alone marks the exponent
T{ S-MINUSX >FLOAT -> -1 0.2E }T
T{ S-NEGX >FLOAT -> -1 -0.015E }T
T{ S-1E >FLOAT -> -1 1E }T                       \ exponent digits may be absent
T{ S-1E+ >FLOAT -> -1 1E }T
T{ S-PLUS1 >FLOAT -> -1 1E }T
T{ S-NEG >FLOAT -> -1 -25E }T
T{ S-1. >FLOAT -> -1 1E }T
: S-ABC S" abc" ;   : S-1.5X S" 1.5E2x" ;   : S-E5 S" E5" ;   : S-DOT S" ." ;
: S-2DOT S" 1..2" ;   : S-EE S" 1E2E3" ;   : S-SPACE S" 1 5" ;   : S-SIGNS S" +-1" ;
T{ S-ABC >FLOAT -> 0 }T
T{ S-1.5X >FLOAT -> 0 }T
T{ S-E5 >FLOAT -> 0 }T
T{ S-DOT >FLOAT -> 0 }T
T{ S-2DOT >FLOAT -> 0 }T
T{ S-EE >FLOAT -> 0 }T
T{ S-SPACE >FLOAT -> 0 }T
T{ S-SIGNS >FLOAT -> 0 }T
T{ S-ABC >FLOAT FDEPTH -> 0 0 }T                 \ nothing on the float stack

SECTION REPRESENT
CREATE RBUF 32 CHARS ALLOT
: S-15000 S" 15000" ;   : S-125 S" 125" ;   : S-100 S" 100" ;   : S-123 S" 123" ;
: S-5 S" 5" ;   : S-0000 S" 0000" ;   : S-31416 S" 31416" ;
T{ 1.5E RBUF 5 REPRESENT -> 1 0 -1 }T
T{ RBUF 5 S-15000 COMPARE -> 0 }T
T{ -0.0125E RBUF 3 REPRESENT -> -1 -1 -1 }T
T{ RBUF 3 S-125 COMPARE -> 0 }T
T{ 9.996E RBUF 3 REPRESENT -> 2 0 -1 }T           \ rounding carries into n
T{ RBUF 3 S-100 COMPARE -> 0 }T
T{ 123456E RBUF 3 REPRESENT -> 6 0 -1 }T
T{ RBUF 3 S-123 COMPARE -> 0 }T
T{ 0.5E RBUF 1 REPRESENT -> 0 0 -1 }T
T{ RBUF 1 S-5 COMPARE -> 0 }T
T{ FPI RBUF 5 REPRESENT -> 1 0 -1 }T
T{ RBUF 5 S-31416 COMPARE -> 0 }T
T{ 0E RBUF 4 REPRESENT NIP NIP -> -1 }T
T{ RBUF 4 S-0000 COMPARE -> 0 }T                  \ zero: all digits zero
T{ 1E-300 RBUF 3 REPRESENT -> -299 0 -1 }T

SECTION transcendental functions (approximate)
APPROX
T{ 0E FSIN -> 0E }T
T{ FPI 2E F/ FSIN -> 1E }T
T{ FPI 6E F/ FSIN -> 0.5E }T
T{ 0E FCOS -> 1E }T
T{ FPI FCOS -> -1E }T
T{ FPI 3E F/ FCOS -> 0.5E }T
T{ 0E FSINCOS -> 0E 1E }T
T{ FPI 2E F/ FSINCOS FSWAP -> 6.123233995736766E-17 1E }T
T{ FPI 4E F/ FTAN -> 1E }T
T{ 0E FTAN -> 0E }T
T{ 1E FASIN -> FPI 2E F/ }T
T{ 0.5E FASIN -> FPI 6E F/ }T
T{ 1E FACOS -> 0E }T
T{ -1E FACOS -> FPI }T
T{ 0.5E FACOS -> FPI 3E F/ }T
T{ 1E FATAN -> FPI 4E F/ }T
T{ -1E FATAN -> FPI -4E F/ }T
T{ 1E 1E FATAN2 -> FPI 4E F/ }T                   \ y x FATAN2: the angle of (x,y)
T{ 1E -1E FATAN2 -> FPI 0.75E F* }T
T{ -1E -1E FATAN2 -> FPI -0.75E F* }T
T{ -1E 1E FATAN2 -> FPI -4E F/ }T
T{ 1E 0E FATAN2 -> FPI 2E F/ }T                   \ x = 0 is fine
T{ 0E -1E FATAN2 -> FPI }T
T{ 0.3E FSINCOS FATAN2 -> 0.3E }T                \ FSINCOS FATAN2 is the identity
T{ 2.5E FSINCOS FATAN2 -> 2.5E }T
T{ 0E FEXP -> 1E }T
T{ 1E FEXP -> 2.718281828459045E0 }T
T{ -1E FEXP -> 0.36787944117144233E0 }T
T{ 1E FLN -> 0E }T
T{ 2.718281828459045E0 FLN -> 1E }T
T{ 10E FLN -> 2.302585092994046E0 }T
T{ 1000E FLOG -> 3E }T
T{ 1E FLOG -> 0E }T
T{ 0.01E FLOG -> -2E }T
T{ 3E FALOG -> 1000E }T
T{ -2E FALOG -> 0.01E }T
T{ 0E FALOG -> 1E }T
T{ 1E-10 FEXPM1 -> 1.00000000005E-10 }T          \ accurate near zero
T{ 0E FEXPM1 -> 0E }T
T{ 1E FEXPM1 -> 1.718281828459045E0 }T
T{ 1E-10 FLNP1 -> 9.9999999995E-11 }T
T{ 0E FLNP1 -> 0E }T
T{ 1E FLNP1 -> 0.6931471805599453E0 }T
T{ 2E 10E F** -> 1024E }T
T{ 2E 0.5E F** -> 1.4142135623730951E0 }T
T{ 10E -2E F** -> 0.01E }T
T{ 5E 0E F** -> 1E }T
T{ 0E FSINH -> 0E }T
T{ 1E FSINH -> 1.1752011936438014E0 }T
T{ -1E FSINH -> -1.1752011936438014E0 }T
T{ 0E FCOSH -> 1E }T
T{ 1E FCOSH -> 1.5430806348152437E0 }T
T{ 0E FTANH -> 0E }T
T{ 1E FTANH -> 0.7615941559557649E0 }T
T{ 0E FASINH -> 0E }T
T{ 1E FASINH -> 0.881373587019543E0 }T
T{ 1E FACOSH -> 0E }T
T{ 2E FACOSH -> 1.3169578969248166E0 }T
T{ 0E FATANH -> 0E }T
T{ 0.5E FATANH -> 0.5493061443340549E0 }T
T{ 1.5E FSINH FASINH -> 1.5E }T
T{ 1.5E FCOSH FACOSH -> 1.5E }T
T{ 0.5E FTANH FATANH -> 0.5E }T
EXACT

SECTION PRECISION SET-PRECISION
T{ PRECISION 0> -> -1 }T
PRECISION CONSTANT SAVED-PRECISION
T{ 7 SET-PRECISION PRECISION -> 7 }T
T{ 15 SET-PRECISION PRECISION -> 15 }T
T{ 1 SET-PRECISION PRECISION -> 1 }T
SAVED-PRECISION SET-PRECISION
T{ PRECISION -> SAVED-PRECISION }T

SECTION FFIELD: SFFIELD: DFFIELD: (with Facility's structures)
BEGIN-STRUCTURE FPOINT
  CFIELD: FP.TAG
  FFIELD: FP.X
  FFIELD: FP.Y
  SFFIELD: FP.S
  DFFIELD: FP.D
END-STRUCTURE
T{ 0 FP.TAG -> 0 }T
T{ 0 FP.X -> 1 FALIGNED }T                       \ aligned after the 1-char field
T{ 0 FP.Y -> 1 FALIGNED FLOAT+ }T
T{ 0 FP.S -> 0 FP.Y FLOAT+ SFALIGNED }T
T{ 0 FP.D -> 0 FP.S SFLOAT+ DFALIGNED }T
T{ FPOINT -> 0 FP.D DFLOAT+ }T
FALIGN HERE FPOINT ALLOT CONSTANT PT
T{ 1.5E PT FP.X F! -2.5E PT FP.Y F! PT FP.X F@ PT FP.Y F@ -> 1.5E -2.5E }T
T{ 0.5E PT FP.S SF! 0.25E PT FP.D DF! PT FP.S SF@ PT FP.D DF@ -> 0.5E 0.25E }T

T-SUMMARY
