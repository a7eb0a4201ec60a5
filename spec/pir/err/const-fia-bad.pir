# A FixedIntegerArray constant must be numbers separated by commas.
.sub main :main
    .const 'FixedIntegerArray' a = '(1 2)'
    .const 'FixedIntegerArray' b = '(1d)'
.end
