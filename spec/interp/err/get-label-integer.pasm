# Only handlers and subs have an address.
    new P0, 'Integer'
    get_label I0, P0
    end
