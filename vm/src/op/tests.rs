use super::*;

#[test]
fn op_is_small() {
    assert!(std::mem::size_of::<Op>() <= 16, "Op is {} bytes", std::mem::size_of::<Op>());
}

#[test]
fn numbers_ascend_and_find_their_rows() {
    for (i, info) in OPS.iter().enumerate() {
        if i > 0 {
            assert!(OPS[i - 1].opcode < info.opcode, "{} is out of place", info.name);
        }
        // Dense blocks: below the first gap a number is its row's index.
        if (info.opcode as usize) < 0x0300 {
            assert_eq!(info.opcode as usize, i, "{} is out of place", info.name);
        }
        assert_eq!(info.opcode.info().name, info.name);
    }
}

#[test]
fn names_are_unique_and_spell_the_mnemonic() {
    let mut seen = std::collections::HashSet::new();
    for info in OPS {
        assert!(seen.insert(info.name), "duplicate {}", info.name);
        assert!(info.name.starts_with(info.mnemonic), "{}", info.name);
        assert!(!info.doc.is_empty(), "{} has no doc", info.name);
    }
}

#[test]
fn build_round_trips() {
    let op = Op::add_i_i_ic { dst: IReg(1), lhs: IReg(2), rhs: 5 };
    assert_eq!(Op::build(op.opcode(), &op.operands()), Some(op));
    assert!(OPS.iter().all(|i| i.operands.len() <= Operands::MAX));
    assert_eq!(Op::build(Opcode::add_i_i_ic, &[Operand::I(IReg(1))]), None);
}

#[test]
fn every_row_names_its_family() {
    assert_eq!(Opcode::read_p_p_i_p.family(), Family::Io);
    assert_eq!(Opcode::add_i_i_ic.family(), Family::Arith);
    assert_eq!(Opcode::lt_i_i_ic.family(), Family::Cmp);
    assert_eq!(Opcode::set_p_k_i.family(), Family::Pmcops);
    assert_eq!(Opcode::set_i_p.family(), Family::Arith);
    assert_eq!(Opcode::find_sub_not_null_p_s.family(), Family::Control);
    assert_eq!(Opcode::wait_p.family(), Family::Task);
    assert_eq!(Opcode::die_s.family(), Family::Exception);
}
