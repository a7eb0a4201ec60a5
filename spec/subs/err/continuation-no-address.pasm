# A Continuation invoked before set_label gave it an address throws.
.pcc_sub :main main:
    new P0, 'Continuation'
    invokecc P0
    end
