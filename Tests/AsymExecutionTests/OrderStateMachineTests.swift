import Testing
@testable import AsymExecution

@Suite struct OrderStateMachineTests {
    static let legal: [(OrderState, OrderTrigger, OrderState)] = [
        (.new, .submit, .submitted), (.new, .reject, .rejected), (.new, .lostContact, .unknown),
        (.submitted, .ack, .acked), (.submitted, .reject, .rejected), (.submitted, .partialFill, .partiallyFilled),
        (.submitted, .fill, .filled), (.submitted, .cancel, .cancelled), (.submitted, .expire, .expired),
        (.submitted, .lostContact, .unknown),
        (.acked, .partialFill, .partiallyFilled), (.acked, .fill, .filled), (.acked, .cancel, .cancelled),
        (.acked, .expire, .expired), (.acked, .lostContact, .unknown),
        (.partiallyFilled, .partialFill, .partiallyFilled), (.partiallyFilled, .fill, .filled),
        (.partiallyFilled, .cancel, .cancelled), (.partiallyFilled, .expire, .expired),
        (.partiallyFilled, .lostContact, .unknown),
        (.unknown, .ack, .acked), (.unknown, .partialFill, .partiallyFilled), (.unknown, .fill, .filled),
        (.unknown, .cancel, .cancelled), (.unknown, .reject, .rejected), (.unknown, .expire, .expired),
        (.unknown, .lostContact, .unknown),
    ]

    @Test func everyLegalTransitionReachesItsState() throws {
        for (from, trigger, to) in Self.legal {
            #expect(try OrderStateMachine.next(from, on: trigger) == to, "\(from) on \(trigger)")
        }
    }

    @Test func everyOtherTransitionIsATypedErrorNotACrash() {
        var illegal = 0
        for state in OrderState.allCases {
            for trigger in OrderTrigger.allCases where !Self.legal.contains(where: { $0.0 == state && $0.1 == trigger }) {
                #expect(throws: ExecutionError.illegalTransition(from: state, trigger: trigger)) {
                    try OrderStateMachine.next(state, on: trigger)
                }
                illegal += 1
            }
        }
        #expect(illegal == OrderState.allCases.count * OrderTrigger.allCases.count - Self.legal.count)
    }

    @Test func terminalStatesAcceptNothing() {
        for state in OrderState.allCases where state.isTerminal {
            for trigger in OrderTrigger.allCases {
                #expect(throws: ExecutionError.self) { try OrderStateMachine.next(state, on: trigger) }
            }
        }
    }

    @Test func unknownIsNeverResubmitted() {
        #expect(throws: ExecutionError.illegalTransition(from: .unknown, trigger: .submit)) {
            try OrderStateMachine.next(.unknown, on: .submit)
        }
    }
}
