# A PMC constant of a type Parrot cannot build at assembly time is an error, not a string.
.sub main :main
    .const 'Hash' h = 'x'
.end
