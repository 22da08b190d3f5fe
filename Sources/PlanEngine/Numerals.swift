/// Chinese numerals as plans number their chapters: 一, 二 … 十, 十一 … 九十九.
public enum Numerals {
  private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

  /// `n` in Chinese numerals for 1...99; decimal digits otherwise.
  public static func chinese(_ n: Int) -> String {
    switch n {
    case 1...9: return digits[n]
    case 10: return "十"
    case 11...19: return "十" + digits[n - 10]
    case 20...99: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
    default: return String(n)
    }
  }
}
