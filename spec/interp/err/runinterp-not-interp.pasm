# runinterp wants a ParrotInterpreter.
.pcc_sub :main main:
    new P0, 'Integer'
    runinterp P0, other
    end
other:
    end
