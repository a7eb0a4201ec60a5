# set aliases a PMC; clone makes an independent copy; assign copies a value into an existing PMC.
    new P0, 'Integer'
    set P0, 5
    set P1, P0
    inc P0
    say P1
    clone P2, P0
    inc P0
    say P2
    new P3, 'Integer'
    assign P3, P0
    inc P0
    say P3
    say P0
    end
