# typeof names each built-in class.
    new P0, 'Integer'
    typeof S0, P0
    say S0
    new P0, 'String'
    typeof S0, P0
    say S0
    new P0, 'Boolean'
    typeof S0, P0
    say S0
    new P0, 'Undef'
    typeof S0, P0
    say S0
    new P0, 'BigInt'
    typeof S0, P0
    say S0
    new P0, 'ResizableStringArray'
    typeof S0, P0
    say S0
    new P0, 'ResizableFloatArray'
    typeof S0, P0
    say S0
    new P0, 'Hash'
    typeof S0, P0
    say S0
    new P0, 'Exception'
    typeof S0, P0
    say S0
    end
