\ test/forth/exception.fth -- tests for the Forth 2012 EXCEPTION word set (9)
\ Run after harness.fth.
\
\ Words covered here:  CATCH THROW ABORT ABORT"
\   (ABORT and ABORT" are also the Core words 6.1.0670 and 6.1.0680; their
\   uncaught behaviour -- ending the run, ABORT" showing its message -- is
\   covered by errors.md.)
\ In exception-output.fth: that a caught ABORT" prints nothing.

DECIMAL

SECTION CATCH without a THROW
: NINE ( -- x ) 9 ;
T{ ' NINE CATCH -> 9 0 }T
T{ 1 2 ' + CATCH -> 3 0 }T
T{ 5 ' DROP CATCH -> 0 }T
: NOTHING ( -- ) ;
T{ ' NOTHING CATCH -> 0 }T
T{ 0 ' THROW CATCH -> 0 }T               \ 0 THROW does nothing
T{ 7 0 THROW -> 7 }T

SECTION THROW to the nearest CATCH
: THROWS ( n -- ) THROW ;
T{ 5 ' THROWS CATCH NIP -> 5 }T          \ depth restored; the item itself is undefined
: TH1 ( -- ) 1 2 3 4 5 77 THROW ;
T{ 10 20 ' TH1 CATCH -> 10 20 77 }T      \ data-stack depth restored
: TH2 ( a b -- ) 2DROP 2DROP 2DROP 66 THROW ;
: TH2-RUN ( -- depth-change code )
  DEPTH >R  1 2 3 4 5 6 ['] TH2 CATCH  DEPTH R> -
  SWAP >R >R 2DROP 2DROP 2DROP R> R> ;
T{ TH2-RUN -> 7 66 }T                    \ six (undefined) items and the code
: TH3 ( -- ) 1 >R 2 >R 3 >R 55 THROW ;   \ return stack unwound too
T{ ' TH3 CATCH -> 55 }T
: TH4 ( -- ) 10 0 DO 10 0 DO J 3 = I 4 = AND IF 44 THROW THEN LOOP LOOP ;
T{ ' TH4 CATCH -> 44 }T                  \ out of nested loops
: TH5 ( n -- ) DUP 0= IF 99 THROW THEN 1- RECURSE ;
T{ 50 ' TH5 CATCH NIP -> 99 }T           \ out of deep recursion
: USER-CODE ( -- ) 1000 THROW ;
T{ ' USER-CODE CATCH -> 1000 }T          \ positive codes are the program's own
: NEG-CODE ( -- ) -4095 THROW ;
T{ ' NEG-CODE CATCH -> -4095 }T

SECTION nested CATCH
: INNER ( -- code ) ['] TH1 CATCH ;
: OUTER ( -- x code ) ['] INNER CATCH ;
T{ OUTER -> 77 0 }T                      \ the inner frame catches
: RETHROW ( xt -- ) CATCH ?DUP IF 1+ THROW THEN ;
: OUTER2 ( -- code ) ['] TH1 ['] RETHROW CATCH ;
T{ OUTER2 NIP -> 78 }T
: INNER-OK ( -- code ) ['] NINE CATCH ;
: OUTER3 ( -- code2 ) ['] INNER-OK CATCH ;
T{ OUTER3 -> 9 0 0 }T
: AFTER-CATCH ( -- code ) ['] TH1 CATCH 33 THROW ;
T{ ' AFTER-CATCH CATCH -> 33 }T          \ a frame is gone once CATCH returned
: CATCH-TWICE ( -- c1 c2 ) ['] TH1 CATCH ['] TH3 CATCH ;
T{ CATCH-TWICE -> 77 55 }T

SECTION THROW out of EVALUATE restores the input source
: EV-THROW ( -- x code ) S" 1 2 55 THROW 3" ['] EVALUATE CATCH ;
T{ EV-THROW NIP NIP -> 55 }T
T{ EV-THROW NIP NIP 4 -> 55 4 }T         \ interpretation resumes here
: EV-INNER ( -- ) S" 9 THROW" EVALUATE ;
: EV-NESTED ( -- code ) S" 1 EV-INNER 2" ['] EVALUATE CATCH NIP NIP ;
T{ EV-NESTED -> 9 }T

SECTION ABORT ABORT"
: AB0 ( -- ) ABORT ;
T{ ' AB0 CATCH -> -1 }T
T{ ' ABORT CATCH -> -1 }T
: AB1 ( flag -- ) ABORT" this message is not shown" ;
T{ 0 ' AB1 CATCH -> 0 }T                 \ false: no abort
T{ 1 ' AB1 CATCH NIP -> -2 }T
T{ -1 ' AB1 CATCH NIP -> -2 }T
T{ 9 8 7 ' AB1 CATCH NIP -> 9 8 -2 }T
: AB2 ( -- ) 0 ABORT" not taken" 12 ;
T{ AB2 -> 12 }T
: AB3 ( x -- ) 1 ABORT" taken" DROP 13 ;
T{ 5 ' AB3 CATCH NIP -> -2 }T

T-SUMMARY
