public enum AsymRingPlaceholder {}
